import groovy.json.JsonSlurper
import javax.xml.parsers.DocumentBuilderFactory

File reports = new File(basedir, 'target/fraise')
String log = new File(basedir, 'build.log').getText('UTF-8')
def contract = new JsonSlurper().parse(new File(reports, 'report.json'))
assert contract.summary.errors > 0
assert log.contains("Fraise contract check failed: ${contract.summary.errors} error(s)")
assert log.contains('(deferred to fraise:report: fraise.deferFailure)')
assert log.contains('Fraise drift gate failed: ')
assert log.contains('Fraise breaking-change gate failed: ')
assert log.contains('Fraise gates failed: check, drift, diff; report in ')

// every gate's own JSON, stamped with this build, and the combined report merged from them
def gates = ['check', 'drift', 'diff'].collect { new JsonSlurper().parse(new File(reports, "${it}.json")) }
assert gates*.build.unique().size() == 1
def combined = new JsonSlurper().parse(new File(reports, 'fraise.json'))
assert combined.build == gates[0].build
assert combined.gates*.gate == ['check', 'drift', 'diff']
assert combined.gates*.passed == [false, false, false]
assert combined.gates[0].findings*.code == contract.findings*.code
assert combined.gates[0].findings*.path == contract.findings*.path
assert combined.gates[1].findings*.code.every { it.startsWith('DRIFT_') }
assert combined.gates[2].findings*.severity.contains('ERROR')

// one Markdown comment: counts first, then the errors of every gate
String comment = new File(reports, 'pr-comment.md').getText('UTF-8')
assert comment.startsWith('<!-- fraise -->\n### ❌ Fraise: 3 of 3 gates failed\n\n| Gate | Result | Checked |')
int errors = comment.indexOf('#### Errors (')
assert errors > comment.indexOf('| Breaking changes | ❌ failed |')
['| check | `FIELD_MISSING` |', '| drift | `DRIFT_', '| diff | `'].each {
    assert comment.indexOf(it, errors) > 0: "no $it row in the comment"
}

// one SARIF run with the results of every gate
def sarif = new JsonSlurper().parse(new File(reports, 'fraise.sarif'))
assert sarif.version == '2.1.0'
assert sarif.runs.size() == 1
assert sarif.runs[0].results*.properties*.gate.unique() == ['check', 'drift', 'diff']
def rules = sarif.runs[0].tool.driver.rules*.id
sarif.runs[0].results.each { assert rules[it.ruleIndex] == it.ruleId }

// one JUnit XML with a suite per gate, each failing
def junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File(reports, 'TEST-fraise.xml'))
assert junit.documentElement.tagName == 'testsuites'
def suites = junit.getElementsByTagName('testsuite')
assert (0..<suites.length).collect { suites.item(it).getAttribute('name') } == ['fraise.check', 'fraise.drift',
        'fraise.diff']
(0..<suites.length).each { assert suites.item(it).getAttribute('failures').toInteger() > 0 }

['report.json', 'TEST-fraise-contracts.xml', 'drift.txt', 'drift.md', 'drift.sarif', 'TEST-fraise-drift.xml',
 'diff.txt', 'diff.md', 'diff.sarif', 'TEST-fraise-diff.xml'].each {
    assert new File(reports, it).isFile(): "missing target/fraise/$it"
}
return true
