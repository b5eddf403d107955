export const keyLimit = 60;
