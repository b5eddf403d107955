import { llamaLayers } from "../models/llama";

export class GraphBuilder {
  layers = llamaLayers;
}
