evaluate(new File(fraiseRoot, 'fraise-maven-plugin/src/it/ratchet-fixture.groovy'))
// HEAD fixes Post.c (the field is gone) and adds nothing: no new error, two existing, one fixed
schema(['a', 'b'])
git('commit', '-q', '-am', 'head: Post.c fixed')
return true
