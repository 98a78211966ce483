CREATE VIEW v_user AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'name', u.name,
           'email', u.email
       ) AS data
FROM tb_user u;

CREATE VIEW v_post AS
SELECT p.id,
       jsonb_build_object(
           'id', p.id::text,
           'title', p.title,
           'content', p.content,
           'author', vu.data
       ) AS data
FROM tb_post p
JOIN tb_user u ON u.pk_user = p.fk_user
JOIN v_user vu ON vu.id = u.id;

-- Drift: FILTER (WHERE vp.id IS NOT NULL) was dropped: a user without posts gets posts: [null].
CREATE VIEW v_user_with_posts AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'name', u.name,
           'email', u.email,
           'posts', COALESCE(
               jsonb_agg(vp.data ORDER BY vp.data->>'created_at' DESC),
               '[]'::jsonb
           )
       ) AS data
FROM tb_user u
LEFT JOIN tb_post p ON p.fk_user = u.pk_user
LEFT JOIN v_post vp ON vp.id = p.id
GROUP BY u.id, u.name, u.email;
