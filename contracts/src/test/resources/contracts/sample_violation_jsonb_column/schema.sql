ALTER TABLE tb_user ADD COLUMN preferences jsonb NOT NULL DEFAULT '{}';

CREATE VIEW v_user AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'name', u.name,
           'preferences', u.preferences
       ) AS data
FROM tb_user u;

-- The second user's preferences lack the language the GraphQL type requires.
INSERT INTO tb_user (id, identifier, name, email, preferences) VALUES
    ('00000000-0000-0000-0000-000000000001', 'ada', 'Ada', 'ada@example.com', '{"language": "en"}'),
    ('00000000-0000-0000-0000-000000000002', 'bob', 'Bob', 'bob@example.com', '{"timezone": "UTC"}');
