import assert from "node:assert/strict";
import { blocked, fired, run } from "./test_helpers.ts";

const BULK = [
  "aws s3 rm s3://bucket --recursive",
  "aws s3 rm s3://bucket/prefix/ --recursive --exclude '*.keep'",
  "aws --profile prod s3 rm --recursive s3://bucket",
  "aws --region eu-west-1 s3 rb s3://bucket --force",
  "aws s3 rb s3://bucket --force",
  "aws rds delete-db-instance --db-instance-identifier db1 --skip-final-snapshot",
  "gsutil rm -r gs://bucket",
  "gsutil -m rm -r gs://bucket/data",
  "gsutil -m rm -rf gs://bucket",
  "gsutil rm gs://bucket/**",
  "gcloud storage rm -r gs://bucket",
  "gcloud storage rm --recursive gs://bucket/dir",
  "gcloud storage rm gs://bucket/**",
  "gcloud projects delete my-project",
  "gcloud projects delete my-project --quiet",
  "az group delete --name rg1 --yes",
  "az group delete -n rg1",
  "az storage container delete --name data --account-name acct",
  "az storage account delete -n acct -g rg",
  "az storage blob delete-batch --source data --account-name acct",
  "sudo aws s3 rm s3://b --recursive",
  "bash -c 'aws s3 rm s3://b --recursive'",
];

const WARN = [
  "aws ec2 terminate-instances --instance-ids i-123",
  "aws rds delete-db-instance --db-instance-identifier db1",
  "aws dynamodb delete-table --table-name t",
  "aws cloudformation delete-stack --stack-name s",
  "gcloud compute instances delete vm1 --zone z",
  "gcloud sql instances delete db1",
  "az vm delete -g rg -n vm1",
];

const SAFE = [
  "aws s3 rm s3://bucket/one-key.txt",
  "aws s3 rm s3://bucket --recursive --dryrun",
  "aws s3 ls",
  "aws s3 ls s3://bucket --recursive",
  "aws s3 cp file.txt s3://bucket/",
  "aws s3 sync build/ s3://site --delete",
  "aws s3 rb s3://empty-bucket",
  "aws ec2 describe-instances",
  "gsutil rm gs://bucket/one.txt",
  "gsutil ls -r gs://bucket",
  "gcloud storage rm gs://bucket/one.txt",
  "gcloud projects list",
  "az group list",
  "az storage blob delete --container-name c --name one.txt",
  "aws s3 rm help",
  'echo "aws s3 rm s3://b --recursive"',
];

Deno.test("cloud: mass deletion blocks in standard and strict", () => {
  for (const cmd of BULK) {
    assert.ok(
      blocked(cmd).includes("cloud_bulk_delete"),
      `${cmd} should block; got ${fired(cmd)}`,
    );
    assert.ok(blocked(cmd, "strict").includes("cloud_bulk_delete"), cmd);
  }
});

Deno.test("cloud: terminating servers and deleting databases warns", () => {
  for (const cmd of WARN) {
    assert.ok(fired(cmd).includes("cloud_resource_delete"), cmd);
    assert.deepEqual(blocked(cmd), [], cmd);
  }
});

Deno.test("cloud: single objects, listing and sync pass", () => {
  for (const cmd of SAFE) {
    assert.deepEqual(fired(cmd, "strict"), [], `${cmd}: ${fired(cmd)}`);
  }
});

Deno.test("cloud, containers, precious paths: 1 MB hostile input finishes", () => {
  const big = "a".repeat(1e6);
  assert.ok(blocked(`aws s3 rm s3://${big} --recursive`).length > 0);
  assert.deepEqual(blocked(`gsutil rm gs://b/${"*".repeat(1e6)}`), []);
  assert.deepEqual(
    blocked(`gcloud storage rm ${"storage rm ".repeat(9e4)}`),
    [],
  );
  assert.deepEqual(blocked(`docker run -v ${"/".repeat(1e6)}x:/h a`), []);
  assert.ok(blocked(`docker run -v ${"/".repeat(1e6)}:/h a`).length > 0);
  assert.deepEqual(blocked(`nsenter -${"m".repeat(1e6)}`), []);
  assert.deepEqual(blocked(`nsenter -${"m".repeat(1e6)}t1`), []);
  assert.ok(blocked(`rm -rf /etc/${"a.".repeat(5e5)}x`).length > 0);
  assert.deepEqual(blocked(`rm -rf /etc/a/x${".conf".repeat(2e5)}`), []);
  // Longer than any user name: not a home folder.
  assert.deepEqual(blocked(`rm -rf /home/${big}/Documents`), []);
  assert.ok(blocked(`rm -rf /home/${"b".repeat(200)}/Documents`).length > 0);
  assert.deepEqual(blocked(`rm -rf ~/.cache/${"x/".repeat(5e5)}`), []);
});

Deno.test("cloud: reasons say what goes and how to check first", () => {
  const m = run("aws s3 rm s3://bucket --recursive").matches[0];
  assert.equal(m.policyId, "sys_dangerous_cloud_bulk_delete");
  assert.equal(m.severity, "high");
  assert.equal(m.action, "block");
  assert.match(m.reason, /every object under that prefix/);
  assert.match(m.reason, /cannot be undone/);
  assert.match(m.suggestion ?? "", /aws s3 ls --recursive/);
});

Deno.test("cloud: data or machines opened to everyone, and new access keys, block", () => {
  const cases: [string, string][] = [
    [
      "aws s3api put-bucket-acl --bucket acme-data --acl public-read",
      "cloud_exposure",
    ],
    ["aws s3api delete-public-access-block --bucket acme", "cloud_exposure"],
    [
      'aws s3api put-bucket-policy --bucket b --policy \'{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject"}]}\'',
      "cloud_exposure",
    ],
    [
      "aws ec2 authorize-security-group-ingress --group-id sg-1 --protocol tcp --port 22 --cidr 0.0.0.0/0",
      "cloud_exposure",
    ],
    [
      "aws ec2 authorize-security-group-ingress --group-id sg-1 --protocol -1 --cidr 0.0.0.0/0",
      "cloud_exposure",
    ],
    ["aws iam create-access-key --user-name admin", "cloud_credentials_read"],
  ];
  for (const [cmd, policy] of cases) {
    assert.ok(blocked(cmd).includes(policy), `${cmd}: ${fired(cmd)}`);
  }
  for (
    const cmd of [
      "aws ec2 authorize-security-group-ingress --group-id sg-1 --protocol tcp --port 443 --cidr 0.0.0.0/0",
      "aws ec2 authorize-security-group-ingress --group-id sg-1 --protocol tcp --port 22 --cidr 203.0.113.4/32",
      "aws s3api put-bucket-acl --bucket b --acl private",
      "aws iam list-access-keys --user-name ci",
    ]
  ) {
    assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
  }
});

Deno.test("cloud: hosting platforms deleting production or everything block", () => {
  for (
    const cmd of [
      "vercel remove acme-production --yes",
      "netlify sites:delete acme-prod --force",
      "firebase projects:delete acme-prod",
      "firebase firestore:delete --all-collections --project acme-dev --force",
      "wrangler d1 delete prod-db -y",
      "turso db destroy prod --yes",
    ]
  ) assert.ok(blocked(cmd).length > 0, cmd);
  for (
    const cmd of [
      "vercel remove acme-preview-pr-123 --yes",
      "vercel --prod",
      "netlify deploy --prod",
      "firebase deploy --only hosting",
      "supabase db reset",
      "wrangler d1 list",
    ]
  ) assert.deepEqual(blocked(cmd), [], cmd);
});

Deno.test("cloud: audit stores and encryption keys, and serverless and terragrunt teardown", () => {
  for (
    const cmd of [
      "aws configservice stop-configuration-recorder --configuration-recorder-name default",
      "gcloud services disable logging.googleapis.com --force --project acme",
      "az monitor log-analytics workspace delete -g rg -n law --force --yes",
      "aws kms schedule-key-deletion --key-id alias/prod-data --pending-window-in-days 7",
      "az keyvault purge --name kv-prod",
      "serverless remove --stage production",
      "terragrunt run-all destroy --terragrunt-non-interactive",
    ]
  ) assert.ok(blocked(cmd).length > 0, cmd);
  for (
    const cmd of [
      "aws configservice describe-configuration-recorders",
      "gcloud services disable translate.googleapis.com --project acme-dev",
      "az monitor log-analytics workspace list -g rg",
      "aws kms describe-key --key-id alias/dev-data",
      "serverless deploy --stage dev",
      "serverless remove --stage dev-alice",
      "terragrunt run-all plan",
    ]
  ) assert.equal(blocked(cmd).length, 0, cmd);
  assert.ok(
    fired("serverless remove --stage dev-alice").includes("infra_teardown"),
  );
});

Deno.test("cloud: a recursive S3 delete two folders down warns; a bucket, a top folder or production blocks", () => {
  assert.deepEqual(
    blocked("aws s3 rm s3://acme-dev-artifacts/builds/tmp/ --recursive"),
    [],
  );
  assert.ok(blocked("aws s3 rm s3://acme-dev --recursive").length > 0);
  assert.ok(blocked("aws s3 rm s3://acme-dev/data/ --recursive").length > 0);
  assert.ok(
    blocked("aws s3 rm s3://acme-prod-data/backups/2024/ --recursive").length >
      0,
  );
});
