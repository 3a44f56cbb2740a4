CREATE TABLE "more_things" ("id" serial PRIMARY KEY);
