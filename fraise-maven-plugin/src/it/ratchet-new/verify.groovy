import groovy.json.JsonSlurper

File reports = new File(basedir, 'target/fraise')
String log = new File(basedir, 'build.log').getText('UTF-8')
assert log =~ /Fraise contract check failed against git ref base \(commit [0-9a-f]{12}\): 1 new error, 3 existing errors, 0 fixed \(failOn=new\)/
assert log =~ /Fraise check: the contract at git ref base \(commit [0-9a-f]{12}\) as fraise:diff checked it in this build/
assert log.contains('[ERROR] FIELD_MISSING [new]: ')
assert log.contains('Post.d')
assert (log =~ /\[WARNING\] FIELD_MISSING \[existing\]: /).size() == 3

def check = new JsonSlurper().parse(new File(reports, 'check.json'))
def problems = check.gates[0].findings.findAll { it.code == 'FIELD_MISSING' }
assert problems.findAll { it.status == 'NEW' }*.path == ['Post.d']
assert problems.findAll { it.status == 'EXISTING' }*.path.sort() == ['Post.a', 'Post.b', 'Post.c']
assert check.gates[0].passed == false

String comment = new File(reports, 'pr-comment.md').getText('UTF-8')
assert comment.contains('1 new error, 3 existing errors, 0 fixed')
int added = comment.indexOf('#### New errors (1)')
int existing = comment.indexOf('<summary>3 existing problems</summary>')
assert added > 0 && existing > added
assert comment.substring(added, existing).contains('`Post.d`')
assert !comment.substring(added, existing).contains('`Post.a`')
return true
