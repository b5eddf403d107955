export const loadModel = () => "model";
