import groovy.json.JsonSlurper

def json = new JsonSlurper().parse(new File(basedir, 'target/fraise/report.json'))
assert json.findings*.code == ['FIELD_MISSING', 'FIELD_NULLABLE', 'FIELD_TYPE_MISMATCH', 'FIELD_NULLABLE',
        'MUTATION_PARAM_TYPE']
assert json.findings*.path == ['Comment.isEdited', 'Comment.author', 'UserWithPosts.postCount', 'UserWithPosts.posts',
        'Mutation.createComment']
assert json.summary.errors == 5

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Fraise check: 10 types: 4 checked, 1 checked through a parent, 5 not checked (root type: 2, input type: 3); 44 of 52 fields checked; against 4 views: 5 errors, 0 warnings')
assert log.contains('[INFO] Fraise check: GraphQL schema from schema.graphql (SDL)')
assert log.contains('[ERROR] FIELD_NULLABLE: schema.graphql:52:3: Comment.author is User! but its value can be null (v_comment $.author) [nullable: LEFT JOIN v_user vu in v_comment]')
assert log.contains('[ERROR] FIELD_MISSING: schema.graphql:49:3: Comment.isEdited reads key ')
assert log.contains('[ERROR] FIELD_TYPE_MISMATCH: schema.graphql:68:3: UserWithPosts.postCount is Int but ')
assert log.contains('Fraise contract check failed: 5 error(s), 0 warning(s) (failOn=error)')
assert new File(basedir, 'target/fraise/TEST-fraise-contracts.xml').isFile()
return true
