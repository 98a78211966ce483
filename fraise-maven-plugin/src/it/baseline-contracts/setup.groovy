// the ratchet fixture's base: three contract errors (Post.a, Post.b, Post.c)
evaluate(new File(fraiseRoot, 'fraise-maven-plugin/src/it/ratchet-fixture.groovy'))
return true
