package io.sentinel;
public class Sentinel { public static void main(String[] a) {} }
