import { describe, it, expect } from 'vitest';
import { isCloudConfig, isScript } from '../../src/cloudconfig/header.ts';

describe('header', () => {
  it('#cloud-config exactly, trailing whitespace allowed', () => {
    expect(isCloudConfig('#cloud-config\n')).toBe(true);
    expect(isCloudConfig('#cloud-config \r\nx')).toBe(true);
    expect(isCloudConfig(' #cloud-config\n')).toBe(false);
    expect(isCloudConfig('#cloud-configx\n')).toBe(false);
  });
  it('#! starts a script', () => {
    expect(isScript('#!/bin/sh\n')).toBe(true);
    expect(isScript('#cloud-config\n#!/bin/sh\n')).toBe(false);
  });
});
