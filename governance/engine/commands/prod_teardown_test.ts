import assert from "node:assert/strict";
import { prodWord } from "./prod_teardown.ts";
import { blocked, fired } from "./test_helpers.ts";

Deno.test("prod teardown: production-named or listing-fed deletions block", () => {
  for (
    const cmd of [
      "kubectl delete namespace production",
      "kubectl delete deploy --all -n production",
      "kubectl --context prod-eu delete pvc --all -n data",
      "helm uninstall postgres -n production",
      "gcloud sql instances delete prod-db --quiet",
      "gcloud container clusters delete prod --region us-central1 --quiet",
      "aws cloudformation delete-stack --stack-name prod-core",
      "aws dynamodb delete-table --table-name Orders-prod",
      "aws ec2 terminate-instances --instance-ids $(aws ec2 describe-instances --query 'R[].I[].Id' --output text)",
      "doctl compute droplet delete -f $(doctl compute droplet list --format ID --no-header)",
      "docker --context production system prune -af --volumes",
      "aws s3 sync /var/empty s3://acme-assets --delete",
      "az vm delete -g live-rg -n api --yes",
    ]
  ) {
    assert.ok(
      blocked(cmd).includes("prod_teardown") ||
        blocked(cmd).includes("cloud_bulk_delete"),
      `${cmd}: ${fired(cmd)}`,
    );
  }
  for (
    const cmd of [
      "kubectl delete namespace test-1234",
      "kubectl delete pod api-7d9f8b -n production",
      "helm uninstall my-release -n staging",
      "gcloud sql instances delete dev-db --quiet",
      "aws cloudformation delete-stack --stack-name pr-123-preview",
      "doctl compute droplet delete scratch-box",
      "docker system prune -af",
      "aws s3 sync dist/ s3://acme-prod-site --delete",
      "kubectl delete pod liveness-probe-test",
    ]
  ) {
    assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
  }
});

Deno.test("prod teardown: production words", () => {
  assert.equal(prodWord(["--stack-name", "prod-core"]), "prod-core");
  assert.equal(prodWord(["Orders-prod"]), "Orders-prod");
  assert.equal(prodWord(["product-catalog", "liveness", "improd"]), null);
  assert.equal(prodWord(["a".repeat(100_000)]), null);
});

Deno.test("prod teardown: helm global options, temp sync sources, rule lists", () => {
  for (
    const cmd of [
      "helm --kube-context prod-us uninstall api",
      "aws s3 sync $(mktemp -d) s3://acme-backups --delete",
      "aws ec2 authorize-security-group-ingress --group-id sg-9 --ip-permissions IpProtocol=tcp,FromPort=3389,ToPort=3389,IpRanges=[{CidrIp=0.0.0.0/0}]",
    ]
  ) {
    assert.notDeepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
  }
  assert.deepEqual(blocked("helm -n dev uninstall api"), []);
});
