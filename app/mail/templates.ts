/**
 * Every email the portal sends, and the one-line notice shown in the portal for the same event.
 *
 * Subjects and notices are built only from fixed words and names the portal controls (boroughs,
 * funding periods); people's own words (a CSP's comments, a reviewer's feedback) appear only in the
 * body, introduced as theirs and quoted line by line, so nobody can write a subject or a notice.
 */

import { formatDate } from "~/domain/dates";

/** Long enough for any borough and period name we hold; mail clients cut subjects far shorter anyway. */
export const SUBJECT_MAX_LENGTH = 150;
/** Quoted words are shortened beyond this: the full text is always in the portal's history. */
export const QUOTE_MAX_LENGTH = 4_000;

export type EmailContent = {
  subject: string;
  text: string;
  /** The portal notification for the same event. */
  notice: string;
};

export type TemplateInput = {
  recipientName: string;
  /** "Barking and Dagenham's LCPF proposal for Period 1 (2017/18 and 2018/19)" */
  proposalName: string;
  /** Absolute address of the page to open. */
  link: string;
  /** What the person who acted wrote, if anything. */
  comment?: string | null;
};

/** One line, no control characters, at most `max` characters (an ellipsis marks a cut). */
export function oneLine(value: string, max = SUBJECT_MAX_LENGTH): string {
  // Control characters include CR and LF, which would otherwise start new mail headers.
  const flat = value
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** People's words, set apart: introduced as theirs, each line quoted. Empty when they wrote nothing. */
export function quoted(introduction: string, words: string | null | undefined): string {
  const text = (words ?? "").replace(/\r\n?/g, "\n").trim();
  if (text === "") return "";
  const shortened = text.length > QUOTE_MAX_LENGTH;
  const kept = shortened ? `${text.slice(0, QUOTE_MAX_LENGTH).trimEnd()}…` : text;
  const lines = kept.split("\n").map((line) => (line === "" ? ">" : `> ${line}`));
  const note = shortened ? "\n\n(Shortened here: read them in full in the portal.)" : "";
  return `${introduction}\n\n${lines.join("\n")}${note}\n\n`;
}

function email(input: TemplateInput, notice: string, body: string, wordsIntro?: string): EmailContent {
  const greeting = `Dear ${oneLine(input.recipientName, 200)},`;
  const words = wordsIntro ? quoted(wordsIntro, input.comment) : "";
  const text =
    `${greeting}\n\n${body}\n\n${words}` +
    `Open it in the London Crime Prevention Fund portal:\n${input.link}\n\n` +
    "This email was sent by the portal; replies are not read.";
  return { subject: oneLine(notice), text, notice: oneLine(notice, 500) };
}

/** "today", "tomorrow", "in 14 days": how far off a date is, from a count of whole days. */
export function inDays(days: number): string {
  if (days <= 0) return "today";
  if (days === 1) return "tomorrow";
  return `in ${days} days`;
}

/** A reminder that counts down to a date (yyyy-mm-dd), `daysLeft` whole days from today. */
export type CountdownInput = TemplateInput & { date: string; daysLeft: number };

export const templates = {
  sentToCsp: (input: TemplateInput) =>
    email(
      input,
      `${input.proposalName} is awaiting the CSP’s endorsement`,
      `The borough officers have sent ${input.proposalName} to the CSP. A CSP member who may endorse it can record the endorsement, or return it to the officers with comments.`,
      "Their note for the CSP:",
    ),
  returnedToOfficers: (input: TemplateInput) =>
    email(
      input,
      `The CSP returned ${input.proposalName}`,
      `The CSP has returned ${input.proposalName} to the borough officers. You can change it and send it to the CSP again.`,
      "Their comments:",
    ),
  endorsed: (input: TemplateInput) =>
    email(
      input,
      `The CSP endorsed ${input.proposalName}; it has gone to MOPAC for review`,
      `The CSP has endorsed ${input.proposalName} and it has been submitted to MOPAC for review.`,
      "Their note from the meeting:",
    ),
  assignedForReview: (input: TemplateInput) =>
    email(
      input,
      `${input.proposalName} has been submitted and assigned to you for review`,
      `${input.proposalName} has been endorsed by its CSP, submitted to MOPAC and assigned to you for review.`,
    ),
  reassignedToYou: (input: TemplateInput) =>
    email(
      input,
      `${input.proposalName} has been assigned to you for review`,
      `The review of ${input.proposalName} has been handed to you.`,
      "Their reason for handing it over:",
    ),
  reviewTakenAway: (input: TemplateInput) =>
    email(
      input,
      `${input.proposalName} has been reassigned to another reviewer`,
      `The review of ${input.proposalName} is no longer assigned to you: another reviewer now has it. You can still read it and comment on it.`,
      "Their reason for reassigning it:",
    ),
  changesRequested: (input: TemplateInput) =>
    email(
      input,
      `MOPAC has asked for changes to ${input.proposalName}`,
      `MOPAC has reviewed ${input.proposalName} and asked for changes. You can change it and send it to the CSP again.`,
      "The reviewer’s feedback:",
    ),
  approved: (input: TemplateInput) =>
    email(
      input,
      `MOPAC approved ${input.proposalName}`,
      `MOPAC has approved ${input.proposalName}.`,
      "The reviewer’s note:",
    ),
  rejected: (input: TemplateInput) =>
    email(
      input,
      `MOPAC rejected ${input.proposalName}`,
      `MOPAC has rejected ${input.proposalName}.`,
      "The reviewer’s reasons:",
    ),
  noEndorser: (input: TemplateInput & { boroughNames: readonly string[] }) =>
    email(
      input,
      `${input.boroughNames.join(", ")} has no CSP member who may endorse proposals`,
      `A borough officer tried to send ${input.proposalName} to the CSP, but no active CSP member of ${input.boroughNames.join(", ")} has permission to endorse proposals, so it cannot be sent. Give a CSP member that permission, or add one.`,
    ),
  /** To a borough's officers, 14 and 3 days before the round's proposal deadline. */
  deadlineApproaching: (input: CountdownInput & { started: boolean }) =>
    email(
      input,
      `${input.proposalName} is due with MOPAC by ${formatDate(input.date)} (${inDays(input.daysLeft)})`,
      input.started
        ? `Proposals must reach MOPAC by ${formatDate(input.date)}, and ${input.proposalName} has not been sent yet. The CSP endorses it before it goes to MOPAC, so send it to the CSP in good time for its meeting.`
        : `Proposals must reach MOPAC by ${formatDate(input.date)}, and your borough has not started ${input.proposalName} yet. The CSP endorses it before it goes to MOPAC, so start it now and send it to the CSP in good time for its meeting.`,
    ),
  /** To a CSP's endorsers, once a proposal has waited a week for them. */
  endorsementWaiting: (input: TemplateInput & { sentOn: string }) =>
    email(
      input,
      `${input.proposalName} has been awaiting the CSP’s endorsement since ${formatDate(input.sentOn)}`,
      `The borough officers sent ${input.proposalName} to the CSP on ${formatDate(input.sentOn)}, and it is still waiting. A CSP member who may endorse it can record the endorsement, or return it to the officers with comments.`,
    ),
  /** To the assigned reviewer, 7 days before the round's feedback target. */
  feedbackDue: (input: CountdownInput) =>
    email(
      input,
      `MOPAC’s feedback on ${input.proposalName} is due by ${formatDate(input.date)} (${inDays(input.daysLeft)})`,
      `You are reviewing ${input.proposalName}. MOPAC aims to give boroughs its feedback by ${formatDate(input.date)}. You can request changes, approve or reject it from its review page.`,
    ),
  /** To the assigned reviewer, once the feedback target has passed with the review still open. */
  reviewOverdue: (input: TemplateInput & { date: string }) =>
    email(
      input,
      `Your review of ${input.proposalName} is overdue`,
      `MOPAC aimed to give boroughs its feedback by ${formatDate(input.date)}, and your review of ${input.proposalName} is still open. You can request changes, approve or reject it, or hand it to another reviewer, from its review page.`,
    ),
} as const;

export type TemplateName = keyof typeof templates;

/** How the portal names a proposal in emails and notices: only names it holds itself. */
export function proposalName(boroughNames: readonly string[], periodName: string): string {
  return `${boroughNames.join(", ")}’s LCPF proposal for ${periodName}`;
}

/** What the account emails need: who they are for, and the page to open (a one-time link where there is one). */
export type AccountTemplateInput = {
  recipientName: string;
  /** Absolute address of the page to open. */
  link: string;
  /** The organisation and role the person was invited to, in the portal's words ("Newham, Borough officer"). */
  organisationName?: string;
  roleLabel?: string;
};

function accountEmail(input: AccountTemplateInput, subject: string, body: string, linkIntro: string): EmailContent {
  const text =
    `Dear ${oneLine(input.recipientName, 200)},\n\n${body}\n\n` +
    `${linkIntro}\n${input.link}\n\n` +
    "This email was sent by the portal; replies are not read.";
  return { subject: oneLine(subject), text, notice: oneLine(subject, 500) };
}

/**
 * Emails about a person's own account. The links in the first two open the account: they are sent only
 * to the address the account has, say how long they work, and tell the person what to do if they did
 * not expect them.
 */
export const accountTemplates = {
  invitation: (input: AccountTemplateInput & { organisationName: string; roleLabel: string }) =>
    accountEmail(
      input,
      "You have been invited to the London Crime Prevention Fund portal",
      `MOPAC has given you access to the London Crime Prevention Fund portal as ${oneLine(input.roleLabel, 100).toLowerCase()} for ${oneLine(input.organisationName, 200)}.\n\n` +
        "Use the link below to set your password. It works once, and for 7 days. If it has expired, ask the LCPF team at MOPAC to send you a new invitation.",
      "Set your password:",
    ),
  passwordReset: (input: AccountTemplateInput) =>
    accountEmail(
      input,
      "Reset your password for the London Crime Prevention Fund portal",
      "Someone asked to reset the password of your account on the London Crime Prevention Fund portal. If it was you, use the link below to choose a new password. It works once, and for 1 hour.\n\n" +
        "If it was not you, you do not need to do anything: your password has not changed.",
      "Choose a new password:",
    ),
  passwordChanged: (input: AccountTemplateInput) =>
    accountEmail(
      input,
      "Your password for the London Crime Prevention Fund portal has changed",
      "The password of your account on the London Crime Prevention Fund portal has just been changed, and you have been signed out everywhere else.\n\n" +
        "If you did not change it, reset your password now and tell the LCPF team at MOPAC.",
      "Reset your password:",
    ),
} as const;
