evaluate(new File(fraiseRoot, 'fraise-maven-plugin/src/it/ratchet-fixture.groovy'))
// the base gains a projection that drops a key when synced, and a seed row that makes the sync visible
write('db/schema/30_tv_post.sql', '''CREATE TABLE tv_post (id uuid PRIMARY KEY, data jsonb NOT NULL);
CREATE FUNCTION sync_tv_post() RETURNS void LANGUAGE sql AS $$
    DELETE FROM tv_post;
    INSERT INTO tv_post (id, data) SELECT id, data - 'title' FROM v_post;
$$;
''')
write('db/seeds/10_posts.sql', '''INSERT INTO tb_post (id, identifier, title)
VALUES ('a0000000-0000-4000-8000-000000000001', 'hello', 'Hello');
''')
git('add', 'db')
git('commit', '-q', '-m', 'base: a projection out of sync once seeded')
git('tag', '-f', 'base')
// HEAD adds a fourth field no key serves
schema(['a', 'b', 'c', 'd'])
git('commit', '-q', '-am', 'head: one more contract error')
return true
