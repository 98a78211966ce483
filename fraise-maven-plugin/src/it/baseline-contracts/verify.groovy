import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Fraise baseline-contracts: 3 suppression(s) written to fraise-baseline.json; '
        + "replace each 'TODO: why this is accepted' with the reason")
String baseline = new File(basedir, 'fraise-baseline.json').getText('UTF-8')
assert baseline == '''{
  "suppressions": [
    {"code": "FIELD_MISSING", "path": "Post.a", "reason": "TODO: why this is accepted"},
    {"code": "FIELD_MISSING", "path": "Post.b", "reason": "TODO: why this is accepted"},
    {"code": "FIELD_MISSING", "path": "Post.c", "reason": "TODO: why this is accepted"}
  ]
}
'''
def report = new JsonSlurper().parse(new File(basedir, 'target/fraise/report.json'))
assert report.summary.errors == 0
assert report.findings.findAll { it.code == 'FIELD_MISSING' }*.suppressed.unique() == ['baseline: TODO: why this is accepted']
return true
