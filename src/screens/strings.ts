import { text, type Text } from '../text.js';
import { WELCOME } from './strings/welcome.js';
import { COURSE } from './strings/course.js';
import { LESSON } from './strings/lesson.js';
import { STATUS } from './strings/status.js';

/** Every word the screens say, in both languages. Lesson content lives with the lessons. */
export const S = {
  /** A remark in brackets, as each language writes them. */
  aside: (inner: Text) => text(` (${inner.en})`, `（${inner.ja}）`),
  product: text('eks-basics-tutor', 'eks-basics-tutor'),
  tagline: text(
    'Build an Amazon EKS cluster by hand, and see what eksctl hides.',
    'EKS クラスターを手作業で組み立てて、eksctl が隠していることを確かめます。',
  ),
  ...WELCOME,
  ...COURSE,
  ...LESSON,
  ...STATUS,
} as const;
