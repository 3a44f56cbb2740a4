CREATE TABLE "things" (
  "id" serial PRIMARY KEY,
  "name" varchar(255) NOT NULL,
  "data" bytea NOT NULL
);
