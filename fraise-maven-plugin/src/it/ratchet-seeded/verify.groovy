import groovy.json.JsonSlurper

File reports = new File(basedir, 'target/fraise')
String log = new File(basedir, 'build.log').getText('UTF-8')
assert log =~ /Fraise contract check failed against git ref base \(commit [0-9a-f]{12}\): 1 new error, 4 existing errors, 0 fixed \(failOn=new\)/
assert !log.contains('as fraise:diff checked it'): 'the diff gate built the base without seeds'
assert log =~ /Fraise check: the contract at git ref base \(commit [0-9a-f]{12}\) checked in \d+ ms/
assert log.contains('[WARNING] TV_OUT_OF_SYNC [existing]: ')

def check = new JsonSlurper().parse(new File(reports, 'check.json'))
def problems = check.gates[0].findings
assert problems.findAll { it.status == 'NEW' }*.path == ['Post.d']
assert problems.findAll { it.code == 'TV_OUT_OF_SYNC' }*.status == ['EXISTING']
assert problems.findAll { it.status == 'FIXED' } == []
return true
