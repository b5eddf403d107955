import { db } from "../lib/db/client";

export const serve = () => db.query("select * from conversations");
