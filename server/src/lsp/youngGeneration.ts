// Imported first by main.ts: the young generation is capped before the bundle's modules initialize (see heap.ts).
import { capYoungGeneration } from './heap';

capYoungGeneration();
