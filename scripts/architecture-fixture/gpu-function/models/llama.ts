export const llamaLayers = 2;
