export { renderMessage, hasTemplate, TEMPLATED_MESSAGE_KINDS, type TemplatedMessageKind } from './render-message';
export {
  MessageTemplateError,
  type MessageTemplateErrorCode,
  type RenderedMessage,
  type RenderOptions,
} from './message-template';
export { DEADLINE_WORDS, OUTCOME_WORDS } from './plain-words';
