CREATE VIEW v_book AS
SELECT b.id,
       jsonb_build_object(
           'id', b.id::text,
           'title', b.title,
           'genre', b.genre,
           'pages', b.pages,
           'author', va.data
       ) AS data
FROM tb_book b
JOIN tb_author a ON a.pk_author = b.fk_author
JOIN v_author va ON va.id = a.id;
