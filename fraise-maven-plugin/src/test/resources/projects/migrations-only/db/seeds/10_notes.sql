INSERT INTO tb_note (pk_note, title) VALUES (1, 'first');
