CREATE TABLE tb_user (
    pk_user INTEGER PRIMARY KEY,
    fk_manager INTEGER REFERENCES tb_user,
    name TEXT NOT NULL DEFAULT 'REFERENCES nothing, FOREIGN KEY (x)'
);
