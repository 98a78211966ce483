ALTER TABLE tb_user ADD COLUMN settings jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(settings) = 'object');

CREATE VIEW v_user AS
SELECT u.id,
       jsonb_build_object(
           'id', u.id::text,
           'name', u.name,
           'settings', u.settings
       ) AS data
FROM tb_user u;

-- Three of four users lack dark_mode, one has a fractional font size: two defects, not four rows.
INSERT INTO tb_user (id, identifier, name, email, settings) VALUES
    ('00000000-0000-0000-0000-000000000001', 'ada', 'Ada', 'ada@example.com', '{"dark_mode": true}'),
    ('00000000-0000-0000-0000-000000000002', 'bob', 'Bob', 'bob@example.com', '{"font_size": 12}'),
    ('00000000-0000-0000-0000-000000000003', 'cy', 'Cy', 'cy@example.com', '{}'),
    ('00000000-0000-0000-0000-000000000004', 'di', 'Di', 'di@example.com', '{"fontSize": 12.5}');
