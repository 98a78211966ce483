evaluate(new File(fraiseRoot, 'fraise-maven-plugin/src/it/ratchet-fixture.groovy'))
// HEAD adds a fourth field no key serves, and moves the others down a line: matched by path, not by line
schema(['a', 'b', 'c', 'd'])
write('schema.graphql', '# head\n' + new File(basedir, 'schema.graphql').getText('UTF-8'))
git('commit', '-q', '-am', 'head: one more contract error')
return true
