import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log =~ /Fraise check: 11 types: 5 checked, 1 checked through a parent, 5 not checked \(root type: 2, input type: 3\); 56 of 56 fields checked; against 5 views: 0 errors, 0 warnings, 0 suppressed in \d+ ms/
assert log.contains('Fraise drift: DDL = migrations against git ref HEAD')
assert log =~ /Fraise diff: breaking changes against git ref HEAD \(commit \w+\): 0 breaking, 0 dangerous, 0 safe/
// the snippet loads seeds: check builds the base with its seeds instead of reusing diff's unseeded base report
assert log =~ /Fraise check: the contract at git ref HEAD \(commit \w+\) checked in \d+ ms/
assert !log.contains('as fraise:diff checked it')
assert log =~ /Fraise check: against git ref HEAD \(commit \w+\): 0 new errors, 0 existing errors, 0 fixed/
assert log.contains('BUILD SUCCESS')

File reports = new File(basedir, 'target/fraise')
def json = new JsonSlurper().parse(new File(reports, 'report.json'))
assert json.tool == 'fraise'
assert json.summary.errors == 0
assert json.findings == []
['TEST-fraise-contracts.xml', 'report.md', 'report.sarif', 'report.txt', 'drift.txt', 'diff.txt',
 'pr-comment.md', 'fraise.sarif', 'TEST-fraise.xml'].each {
    assert new File(reports, it).isFile(): "missing target/fraise/$it"
}
['check', 'drift', 'diff'].each { assert log.contains("Fraise report: $it passed: 0 errors") }
assert new File(reports, 'pr-comment.md').getText('UTF-8').startsWith('<!-- fraise -->\n### ✅ Fraise: 3 gates passed\n')
return true
