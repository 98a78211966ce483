import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log =~ /Fraise check: 4 type\(s\) against 4 view\(s\): 0 error\(s\), 0 warning\(s\), 0 suppressed in \d+ ms/
assert log.contains('Fraise drift: DDL = migrations against git ref HEAD')
assert log =~ /Fraise diff: breaking changes against git ref HEAD \(commit \w+\): 0 breaking, 0 dangerous, 0 safe/
assert log.contains('BUILD SUCCESS')

File reports = new File(basedir, 'target/fraise')
def json = new JsonSlurper().parse(new File(reports, 'report.json'))
assert json.tool == 'fraise'
assert json.summary.errors == 0
assert json.findings == []
['TEST-fraise-contracts.xml', 'report.md', 'report.sarif', 'report.txt', 'drift.txt', 'diff.txt'].each {
    assert new File(reports, it).isFile(): "missing target/fraise/$it"
}
return true
