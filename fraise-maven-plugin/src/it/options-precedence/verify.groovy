String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD SUCCESS'): 'the POM values win over the -Dfraise.* properties'
assert !log.contains('SETTING_INVALID')
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/fraise/report.json'))
assert report.version == fraiseVersion: "report.json version ${report.version}, expected ${fraiseVersion}"
assert report.summary.errors == 0
assert !report.findings.any { it.code.startsWith('LINT_') }: 'lint=false from the POM'
return true
