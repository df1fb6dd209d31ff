import { ruleTester } from './ruleTester';

const config = ['output_dir: out', 'learning_rate: 1e-4', 'max_steps: 1000'];
/** 3,000 comment lines of 60 characters: about 0.17 MB. */
const padding = Array.from({ length: 3000 }, (_, i) => `# padding ${String(i).padStart(4, '0')} ${'.'.repeat(44)}`);
const limit = 0.1 * 1024 * 1024;

ruleTester('file-too-large', {
  valid: [
    { name: 'a config under the default limit', dialect: 'huggingface', lines: config },
    {
      name: 'a large config under the limit set',
      dialect: 'huggingface',
      lines: [...config, ...padding],
      settings: { maxFileSize: 2 * limit },
    },
  ],
  invalid: [
    {
      name: 'above the limit: not analyzed, the finding on the first line',
      dialect: null,
      lines: [...config, ...padding],
      settings: { maxFileSize: limit },
      findings: [
        {
          message: /^LR Lens skipped this file: it is 0\.2 MB, above the 0\.1 MB limit \(setting lrLens\.maxFileSizeMB\)\.$/,
          line: 1,
          text: 'output_dir: out',
        },
      ],
    },
  ],
});
