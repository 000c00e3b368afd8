import { Alert, Button, Stack } from '@mantine/core';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { problemSentence } from './api';

/** A screen that fails to draw says so in a sentence, with a way out, instead of going blank. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: undefined };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  override render() {
    if (this.state.error === undefined) return this.props.children;
    return (
      <Stack p="md" maw={640}>
        <Alert color="red" role="alert" title="This screen could not be shown">
          {problemSentence(this.state.error)}
        </Alert>
        <Button variant="default" w="fit-content" onClick={() => this.setState({ error: undefined })}>
          Try again
        </Button>
      </Stack>
    );
  }
}
