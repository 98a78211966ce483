String log = new File(basedir, 'build.log').getText('UTF-8')
assert log =~ /RATCHET_BASE_UNAVAILABLE.*the contract at git ref no-such-branch cannot be checked, so new findings cannot be told from existing ones: DRIFT_BASE_UNAVAILABLE git ref 'no-such-branch' does not name a commit/
assert log =~ /RATCHET_BASE_UNAVAILABLE.*the contract at git ref broken cannot be checked, so new findings cannot be told from existing ones: BUILD_\w+ schema at git ref broken \(commit [0-9a-f]{12}\)/
assert !log.contains('Fraise contract check failed')
assert !new File(basedir, 'target/fraise/check.json').exists()
return true
