package uk.csc.warehouse.cli; public class Main { public static void main(String[] a){} }
