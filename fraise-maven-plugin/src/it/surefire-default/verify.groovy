String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('maven-surefire-plugin:2.12.4:test')
assert log.contains('Tests run: 0, Failures: 0')
assert log.contains('SUREFIRE_RUNS_NO_JUNIT5: pom.xml: maven-surefire-plugin 2.12.4 runs no JUnit 5 test')
assert log.contains('BUILD FAILURE')
assert !log.contains('Fraise uses')
return true
