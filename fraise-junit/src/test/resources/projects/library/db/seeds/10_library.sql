INSERT INTO tb_author (id, name, city, country) VALUES
    ('a0000000-0000-4000-8000-000000000001', 'Ursula', 'Berkeley', 'US'),
    ('a0000000-0000-4000-8000-000000000002', 'Wisława', 'Kraków', NULL);

INSERT INTO tb_book (id, fk_author, title, genre, pages)
SELECT 'b0000000-0000-4000-8000-000000000001', pk_author, 'The Dispossessed', 'NOVEL', 387
FROM tb_author WHERE name = 'Ursula';

INSERT INTO tb_book (id, fk_author, title, genre, pages)
SELECT 'b0000000-0000-4000-8000-000000000002', pk_author, 'View with a Grain of Sand', 'POETRY', NULL
FROM tb_author WHERE name = 'Wisława';
