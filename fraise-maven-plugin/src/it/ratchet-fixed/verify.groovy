import groovy.json.JsonSlurper

File reports = new File(basedir, 'target/fraise')
String log = new File(basedir, 'build.log').getText('UTF-8')
assert log =~ /Fraise check: against git ref base \(commit [0-9a-f]{12}\): 0 new errors, 2 existing errors, 1 fixed/
assert log.contains('Fraise check: fixed FIELD_MISSING: Post.c')
assert !log.contains('as fraise:diff checked it')
assert !log.contains('[ERROR] FIELD_MISSING')

def check = new JsonSlurper().parse(new File(reports, 'check.json'))
def problems = check.gates[0].findings.findAll { it.code == 'FIELD_MISSING' }
assert problems.findAll { it.status == 'EXISTING' }*.path.sort() == ['Post.a', 'Post.b']
assert problems.findAll { it.status == 'FIXED' }*.path == ['Post.c']
assert check.gates[0].passed == true

String comment = new File(reports, 'pr-comment.md').getText('UTF-8')
assert comment.startsWith('<!-- fraise -->\n### ✅ ')
assert !comment.contains('#### New errors')
assert comment.indexOf('<summary>2 existing problems</summary>') < comment.indexOf('<summary>1 fixed problem</summary>')
return true
