evaluate(new File(fraiseRoot, 'fraise-maven-plugin/src/it/ratchet-fixture.groovy'))
// a base whose schema files do not build
write('db/schema/20_views.sql', 'CREATE VIEW v_post AS SELECT nope FROM tb_post;\n')
git('commit', '-q', '-am', 'broken schema')
git('tag', 'broken')
git('checkout', '-q', 'base')
return true
