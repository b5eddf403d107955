// The training-data importers: the row formats (shared/training-rows, also read by the
// app's training uploads) and the corpus readers (MedQuAD XML, PubMedQA JSON).
export * from "../../shared/training-rows";
export { importMedQuadDir, importMedQuadXml } from "./medquad";
export { importPubMedQaFile, importPubMedQaJson, pubMedQaToExamples, formatGroundedQuestion, GROUNDED_SYSTEM_PROMPT } from "./pubmedqa";
