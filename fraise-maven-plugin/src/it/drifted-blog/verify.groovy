import groovy.json.JsonSlurper

def json = new JsonSlurper().parse(new File(basedir, 'target/fraise/report.json'))
assert json.findings*.code == ['FIELD_MISSING', 'FIELD_MISSING', 'FIELD_NULLABLE', 'FIELD_TYPE_MISMATCH', 'FIELD_NULLABLE',
        'VIEW_MISSING', 'MUTATION_PARAM_TYPE', 'TV_OUT_OF_SYNC']
assert json.findings*.path == ['Post.readingTime', 'Comment.isEdited', 'Comment.author', 'UserWithPosts.postCount',
        'UserWithPosts.posts', 'Label', 'Mutation.createComment', 'tv_user']
assert json.findings[7].sdlLocation.file == 'db/schema/30_projections/20_tv_user.sql'
assert json.findings[7].sdlLocation.line == 2
assert json.summary.errors == 8
assert json.coverage.notCheckedByReason == ['view missing': 1, 'root type': 2, 'input type': 3]

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Fraise check: 11 types: 4 checked, 1 checked through a parent, 6 not checked (view missing: 1, root type: 2, input type: 3); 53 of 55 fields checked, 2 not reached; against 4 views: 8 errors, 0 warnings')
assert log.contains('[INFO] Fraise check: GraphQL schema from schema.graphql (SDL)')
assert log.contains('[ERROR] FIELD_NULLABLE: schema.graphql:55:3: Comment.author is User! but its value can be null (v_comment $.author) [nullable: LEFT JOIN v_user vu in v_comment]')
assert log.contains('[ERROR] FIELD_MISSING: schema.graphql:52:3: Comment.isEdited reads key \'is_edited\' but v_comment does not emit it (v_comment $.is_edited)')
assert log.contains('[ERROR] FIELD_TYPE_MISMATCH: schema.graphql:71:3: UserWithPosts.postCount is Int but v_user_with_posts emits a string (text)')
assert log.contains('[ERROR] VIEW_MISSING: schema.graphql:89:3: Label is bound to v_label (default view of Query.labels, which returns it), which does not exist (v_label $)')
assert log.contains('[ERROR] FIELD_MISSING: schema.graphql:147:3: Post.readingTime reads key \'reading_time\' but v_post does not emit it (also served at UserWithPosts.posts[].readingTime) (v_post $.reading_time)')
assert log.contains('[ERROR] TV_OUT_OF_SYNC: db/schema/30_projections/20_tv_user.sql:2: tv_user: after sync_tv_user(), 3 rows of tv_user differ from v_user')
assert log.contains('Fraise contract check failed: 8 error(s), 0 warning(s) (failOn=error)')
assert new File(basedir, 'target/fraise/TEST-fraise-contracts.xml').isFile()
return true
