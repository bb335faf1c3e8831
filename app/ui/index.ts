export { BackLink, type BackLinkProps } from "~/ui/back-link";
export {
  Button,
  ButtonGroup,
  ButtonLink,
  type ButtonLinkProps,
  type ButtonProps,
  type ButtonVariant,
} from "~/ui/button";
export { Checkboxes, type CheckboxesProps } from "~/ui/checkboxes";
export {
  Details,
  InsetText,
  Panel,
  WarningText,
  type DetailsProps,
  type PanelProps,
  type WarningTextProps,
} from "~/ui/content";
export {
  DateInput,
  dateInputPartId,
  defaultDateHint,
  type DateInputProps,
  type DatePart,
  type DateParts,
} from "~/ui/date-input";
export { ErrorSummary, type ErrorSummaryItem, type ErrorSummaryProps } from "~/ui/error-summary";
export { Fieldset, type FieldsetProps } from "~/ui/fieldset";
export {
  Footer,
  GenericHeader,
  ServiceNavigation,
  SkipLink,
  signedInAs,
  type FooterProps,
  type GenericHeaderProps,
  type ServiceNavigationItem,
  type ServiceNavigationProps,
} from "~/ui/layout";
export { NotificationBanner, type NotificationBannerProps } from "~/ui/notification-banner";
export { ErrorMessage, Hint, Label, Legend, type FieldProps, type TextSize } from "~/ui/parts";
export { choiceItemId, Radios, type ChoiceItem, type RadiosProps } from "~/ui/radios";
export { Select, type SelectItem, type SelectProps } from "~/ui/select";
export {
  SummaryCard,
  SummaryList,
  type SummaryCardAction,
  type SummaryCardProps,
  type SummaryListAction,
  type SummaryListProps,
  type SummaryListRow,
} from "~/ui/summary-list";
export { Table, type TableCell, type TableCellObject, type TableProps } from "~/ui/table";
export { Tag, type TagColour, type TagProps } from "~/ui/tag";
export { TaskList, type TaskListItem, type TaskListProps } from "~/ui/task-list";
export { MoneyInput, TextInput, type InputWidth, type MoneyInputProps, type TextInputProps } from "~/ui/text-input";
export { characterCountMessage, characterLimitText, Textarea, type TextareaProps } from "~/ui/textarea";
