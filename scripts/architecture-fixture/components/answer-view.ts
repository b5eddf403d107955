import { db } from "../lib/db/client";

export const answerView = () => db.query("select 1");
