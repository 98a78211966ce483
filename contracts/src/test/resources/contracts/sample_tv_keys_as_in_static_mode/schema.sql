-- tv_user has no source view (a trigger fills it), so its data has no static shape; its rows emit camelCase keys.
CREATE TABLE tv_user (
    id UUID PRIMARY KEY,
    data JSONB NOT NULL
);

-- fullName reads full_name or fullName, as in static mode: only the third row lacks it.
INSERT INTO tv_user (id, data) VALUES
    ('00000000-0000-0000-0000-000000000001', '{"id": "1", "name": "Ada", "email": "a@x", "fullName": "Ada L"}'),
    ('00000000-0000-0000-0000-000000000002', '{"id": "2", "name": "Bob", "email": "b@x", "full_name": "Bob B"}'),
    ('00000000-0000-0000-0000-000000000003', '{"id": "3", "name": "Cy", "email": "c@x"}');
