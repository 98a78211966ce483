String log = new File(basedir, 'build.log').getText('UTF-8')
assert (log =~ /Fraise skipped \(fraise.skip\)/).count == 4
assert !log.contains('Fraise uses')
assert !new File(basedir, 'target/fraise').exists()
assert log.contains('BUILD SUCCESS')
return true
