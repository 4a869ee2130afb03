import type { ReactNode } from 'react';

/** The fields of an API problem a person reads; structural so any problem-shaped error fits. */
export interface ProblemLike {
  readonly title: string;
  readonly detail: string;
}

export interface ProblemAlertProps {
  readonly problem: ProblemLike;
}

/** A failed request, in a red box: the problem's title, then what to do about it. */
export function ProblemAlert({ problem }: ProblemAlertProps): ReactNode {
  return (
    <p
      role="alert"
      className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-300"
    >
      {problem.title}: {problem.detail}
    </p>
  );
}

export interface ErrorTextProps {
  readonly children: ReactNode;
  /** Forms set `text-sm` beside their buttons; a page-level line keeps the body size. */
  readonly small?: boolean;
}

/** A refusal in the flow of a form or page, where a box would push the layout around. */
export function ErrorText({ children, small = false }: ErrorTextProps): ReactNode {
  return (
    <p role="alert" className={`${small ? 'text-sm' : ''}text-red-800 dark:text-red-300`}>
      {children}
    </p>
  );
}
