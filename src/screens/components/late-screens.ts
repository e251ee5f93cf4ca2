// The screens that neither the welcome menu nor the lesson list needs: a chunk of their own, loaded a moment
// after the first frame (Late.tsx).
export { DayTwoScreen } from './daytwo/DayTwoScreen.js';
export { Finished } from './Finished.js';
export { LessonScreen } from './lesson/LessonScreen.js';
