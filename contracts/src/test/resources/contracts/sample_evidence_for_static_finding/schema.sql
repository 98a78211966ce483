CREATE VIEW v_user AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'name', u.name,
           'bio', u.bio
       ) AS data
FROM tb_user u;

-- Two of three users have no bio: the rows are evidence of the static FIELD_NULLABLE, not findings of their own.
INSERT INTO tb_user (id, identifier, name, email, bio) VALUES
    ('00000000-0000-0000-0000-000000000001', 'ada', 'Ada', 'ada@example.com', 'Analyst'),
    ('00000000-0000-0000-0000-000000000002', 'bob', 'Bob', 'bob@example.com', NULL),
    ('00000000-0000-0000-0000-000000000003', 'cy', 'Cy', 'cy@example.com', NULL);
