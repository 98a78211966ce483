CREATE TABLE tb_broken (
    pk_broken INTEGER PRIMARY KEY,
    name TEXT NOT NUL
);
