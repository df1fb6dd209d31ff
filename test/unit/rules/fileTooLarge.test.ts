import { ruleTester } from './ruleTester';

const config = ['output_dir: out', 'learning_rate: 1e-4', 'max_steps: 1000'];
const padding = Array.from({ length: 40 }, (_, i) => `# padding line ${i} ..........................................`);

ruleTester('file-too-large', {
  valid: [
    { name: 'a config under the default limit', dialect: 'huggingface', lines: config },
    { name: 'a config under a lowered limit', dialect: 'huggingface', lines: config, settings: { maxFileSize: 1000 } },
  ],
  invalid: [
    {
      name: 'above the limit: not analyzed, the finding on the first line',
      dialect: null,
      lines: [...config, ...padding],
      settings: { maxFileSize: 1000 },
      findings: [
        {
          message: /^LR Lens skipped this file: it is 0 MB, above the 0 MB limit \(setting lrLens\.maxFileSizeMB\)\.$/,
          line: 1,
          text: 'output_dir: out',
        },
      ],
    },
  ],
});
